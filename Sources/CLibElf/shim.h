// SPDX-License-Identifier: GPL-2.0-only
// elfutils' libelf (Debian libelf-dev) for apus-kpi: the ELF reader and its class-independent GElf view.
#include <libelf.h>
#include <gelf.h>
