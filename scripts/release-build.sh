#!/usr/bin/env bash
# The build of intake to hand out, and the one the benchmarks measure: release, the Swift runtime
# and the C++ runtime it needs linked in, not position-independent, stripped. Writes the binary to
# OUT and prints nothing else unless the build fails.
#
# Usage: scripts/release-build.sh OUT
# Needs what `swift build` needs, plus binutils (strip) and libstdc++'s static archive (Debian's
# libstdc++-12-dev, which the Swift toolchain needs anyway).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: scripts/release-build.sh OUT}"
scratch=.build-release-static
# The Swift runtime asks the linker for -lstdc++. Loading libstdc++.so at start means the dynamic
# loader resolving its 4,300 symbol relocations in every run (2 M instructions, a sixth of the
# time to the first screen); a folder holding only the static archive, searched first, makes the
# linker take that instead, so only the parts the runtime uses are linked in.
archives="$scratch/link-static"
mkdir -p "$archives"
flags=(-c release --static-swift-stdlib --scratch-path "$scratch" -Xswiftc -Xclang-linker -Xswiftc -no-pie)
libstdcxx=""
for compiler in c++ gcc clang; do
  command -v "$compiler" >/dev/null || continue
  libstdcxx="$("$compiler" -print-file-name=libstdc++.a)"
  [ -f "$libstdcxx" ] && break
done
if [ -f "$libstdcxx" ]; then
  ln -sf "$libstdcxx" "$archives/libstdc++.a"
  flags+=(-Xlinker -L"$PWD/$archives")
else
  echo "release-build.sh: libstdc++.a not found (apt-get install libstdc++-12-dev); libstdc++ stays shared" >&2
fi
# The functions an arrow key and the start run, side by side (scripts/hot-functions.txt, made by
# scripts/hot-functions.sh): scattered over the binary, each was fetched from a cold cache line
# and page on every key, and an arrow key cost more CPU time than dialog's with half its
# instructions. Each function gets its own section so gold, Swift's linker here, can order them.
order=scripts/hot-functions.txt
if [ -f "$order" ] && command -v ld.gold >/dev/null; then
  flags+=(-Xswiftc -use-ld=gold -Xswiftc -Xfrontend -Xswiftc -function-sections)
  flags+=(-Xlinker "--section-ordering-file=$PWD/$order")
fi
bin="$(swift build "${flags[@]}" --show-bin-path)/intake"
# SwiftPM does not know the linker reads the list: a newer list must link again.
if [ -f "$order" ] && [ -f "$bin" ] && [ "$order" -nt "$bin" ]; then rm -f "$bin"; fi
if ! log="$(swift build "${flags[@]}" --product intake 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
strip -o "$out" "$bin"
echo "$bin"
