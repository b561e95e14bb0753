/* SPDX-License-Identifier: GPL-2.0-only */
/* Page frame numbers: PFN_UP/PFN_DOWN/PFN_PHYS/PHYS_PFN (defined with the page size in asm/page.h). */
#include <asm/page.h>
