/* The program's version, reported by --version and in every report. */
#ifndef ARCHADVISOR_VERSION_H
#define ARCHADVISOR_VERSION_H

#define ARCHADVISOR_VERSION "0.1.0"

#endif
