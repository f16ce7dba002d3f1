// The few C library calls IntakeCore makes that Swift cannot import from glibc's headers as they
// are: GNU extensions (declared only with _GNU_SOURCE, which Swift's Glibc module is not built
// with) and a mask macro. Nothing is linked: it is all in the C library.
#ifndef INTAKE_CPOSIX_SHIM_H
#define INTAKE_CPOSIX_SHIM_H

#include <locale.h>
#include <spawn.h>

#ifdef __linux__
// glibc 2.29 and 2.34; as <spawn.h> declares them under __USE_GNU.
extern int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *__restrict actions,
                                                const char *__restrict path);
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions,
                                                    int from);
#endif

/// LC_ALL_MASK, for newlocale.
static inline int intake_lc_all_mask(void) { return LC_ALL_MASK; }

#endif
