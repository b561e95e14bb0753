/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * __init, __exit and friends. Apus keeps every function and datum for the module's (or kernel's) lifetime:
 * the markers are accepted and place nothing in special sections, so nothing is freed after init. Initcall
 * levels (core_initcall…) are not provided; module_init is in <linux/module.h>.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler_types.h>
#include <linux/types.h>

#define __init
#define __exit
#define __initdata
#define __exitdata
#define __initconst
#define __exitconst
#define __init_or_module
#define __initdata_or_module
#define __ref
#define __refdata
#define __refconst
#define __meminit
#define __meminitdata
#define __meminitconst
#define __memexit
#define __devinit
#define __devexit
#define __devinitdata
#define __devinitconst
#define __cpuinit
#define __cpuinitdata
#define __head
#define __initcall(fn)

#ifdef MODULE
#define __exit_p(x) x
#else
#define __exit_p(x) NULL
#endif

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#endif
