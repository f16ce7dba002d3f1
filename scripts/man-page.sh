#!/usr/bin/env bash
# Regenerates docs/intake.1 from the commands themselves: swift-argument-parser's generate-manual
# plugin writes the page (NAME, SYNOPSIS, every command and option), then this script lays its
# text out as mdoc wants it (a sentence per line, lines under 80 bytes) and puts in the sections
# the plugin cannot know, from scripts/man-page.sections: ENVIRONMENT, FILES, EXIT STATUS and SEE
# ALSO. The result must be clean under `mandoc -Tlint`; the test suite checks that the committed
# page is current and clean. Run it after changing a command, an option or a help text.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package --allow-writing-to-package-directory generate-manual --configuration debug \
  >/dev/null
generated=.build/plugins/GenerateManual/outputs/intake/intake.1
python3 - "$generated" scripts/man-page.sections docs/intake.1 <<'PY'
import re, sys, textwrap

generated, sections, target = sys.argv[1:]
def laid_out(lines):
    out = []
    for line in lines:
        if not line.strip():
            # A paragraph break in a help text; mdoc wants a macro, not a blank line.
            out.append(".Pp")
            continue
        if line.startswith(".") or line.startswith("'"):
            out.append(line)
            continue
        # Text: one sentence per line, each wrapped on spaces under 80 bytes; a line may not
        # start with a dot or apostrophe (roff would read it as a request).
        for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z\"'(])", line.strip()):
            for piece in textwrap.wrap(sentence, width=78, break_long_words=False,
                                       break_on_hyphens=False):
                out.append("\\&" + piece if piece[0] in ".'" else piece)
    return out

page = open(generated).read().splitlines()
# The plugin's EXIT STATUS says only "0 or more"; ours, with the codes intake uses, replaces it.
page = page[: next(i for i, line in enumerate(page) if line.startswith('.Sh "EXIT STATUS"'))]
# mdoc: a one-line description has no final period; no paragraph break just before a list item.
page = [re.sub(r'^(\.Nd ".*)\."$', r'\1"', line) for line in page]
page = [line for i, line in enumerate(page)
        if not (line == ".Pp" and i + 1 < len(page) and page[i + 1].startswith(".It"))]
out = laid_out(page) + laid_out(open(sections).read().splitlines())
open(target, "w").write("\n".join(out) + "\n")
PY
if lint=$(mandoc -Tlint -W style docs/intake.1 2>&1) && [ -z "$lint" ]; then
  echo "man-page: docs/intake.1 written, clean under mandoc -Tlint"
else
  echo "$lint" >&2
  echo "man-page: docs/intake.1 is not clean under mandoc -Tlint" >&2
  exit 1
fi
