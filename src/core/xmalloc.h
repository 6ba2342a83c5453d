/*
 * xmalloc: allocation that never returns NULL. Running out of memory is not
 * a condition archadvisor can report usefully, so it aborts in one place
 * (tmux, htop). Results belong to the caller and are released with free().
 */
#ifndef ARCHADVISOR_XMALLOC_H
#define ARCHADVISOR_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t size);
void	*xcalloc(size_t nmemb, size_t size);
void	*xreallocarray(void *ptr, size_t nmemb, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
/* printf into a fresh string. */
char	*xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
