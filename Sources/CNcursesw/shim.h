// What Swift cannot import from <curses.h> directly: function-like macros, cast macros and mutable
// globals (read through getters so Swift 6 strict concurrency accepts them).
#ifndef INTAKE_CNCURSESW_SHIM_H
#define INTAKE_CNCURSESW_SHIM_H

// Must come before the header: SwiftPM drops pkg-config's feature macros, and without this the
// wide-character API (wget_wch, wint_t) is not declared.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// glibc hides wcwidth without _XOPEN_SOURCE.
extern int wcwidth(wchar_t c);

static inline WINDOW *intake_stdscr(void) { return stdscr; }
static inline int intake_lines(void) { return LINES; }
static inline int intake_cols(void) { return COLS; }

static inline attr_t intake_a_normal(void) { return A_NORMAL; }
static inline attr_t intake_a_bold(void) { return A_BOLD; }
static inline attr_t intake_a_reverse(void) { return A_REVERSE; }
static inline attr_t intake_a_underline(void) { return A_UNDERLINE; }
static inline attr_t intake_a_dim(void) { return A_DIM; }
static inline attr_t intake_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }

static inline int intake_wcwidth(int c) { return wcwidth((wchar_t)c); }

static inline int intake_width(WINDOW *w) { return getmaxx(w); }
static inline int intake_height(WINDOW *w) { return getmaxy(w); }
static inline int intake_colors(void) { return COLORS; }

/// Waits until fd 0 is readable or a signal in the original mask arrives (pselect with `mask`).
/// Returns 1 when readable, 0 on timeout, -1 on interruption or error.
static inline int intake_wait_readable(int fd, long timeout_ms, const sigset_t *mask) {
  fd_set set;
  FD_ZERO(&set);
  FD_SET(fd, &set);
  struct timespec ts;
  struct timespec *tsp = 0;
  if (timeout_ms >= 0) {
    ts.tv_sec = timeout_ms / 1000;
    ts.tv_nsec = (timeout_ms % 1000) * 1000000L;
    tsp = &ts;
  }
  int r = pselect(fd + 1, &set, 0, 0, tsp, mask);
  return r > 0 ? 1 : (r == 0 ? 0 : -1);
}

/// The terminal description's string for capability `name` (a key's bytes), or NULL when it has
/// none.
static inline const char *intake_capability_string(const char *name) {
  char *value = tigetstr(name);
  return (value == 0 || value == (char *)-1) ? 0 : value;
}

/// The terminal's size in cells as the terminal reports it; 0 when it cannot say.
static inline int intake_window_size(int fd, int *rows, int *columns) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
  *rows = size.ws_row;
  *columns = size.ws_col;
  return 1;
}

static inline int intake_codeset_is_utf8(void) {
  const char *cs = nl_langinfo(CODESET);
  return cs && (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') &&
         (cs[2] == 'F' || cs[2] == 'f');
}

#endif
