// Annotations that teach corolint which functions block and which do not.
//
//   COROLINT_BLOCKING int fetch_blocking(int id);      // a call blocks
//   COROLINT_NONBLOCKING void log_line(const char *);  // vouched for: calls
//                                                      // inside are not
//                                                      // followed
//
// They expand to [[clang::annotate(...)]] where the compiler has it, and to
// nothing elsewhere.
#ifndef COROLINT_ANNOTATIONS_H
#define COROLINT_ANNOTATIONS_H

#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::annotate)
#define COROLINT_BLOCKING [[clang::annotate("corolint::blocking")]]
#define COROLINT_NONBLOCKING [[clang::annotate("corolint::nonblocking")]]
#endif
#endif

#ifndef COROLINT_BLOCKING
#define COROLINT_BLOCKING
#define COROLINT_NONBLOCKING
#endif

#endif // COROLINT_ANNOTATIONS_H
