# SPDX-License-Identifier: GPL-2.0-only
# Builds LinuxKPI's C (every LinuxKPI/src/*.c) into $(OUT)/liblinuxkpi.a, linked whole into the kernel so
# that every EXPORT_SYMBOL reaches its export table. Run by scripts/build:
#   make -f LinuxKPI/kpi.mk OUT=build/linuxkpi -j N
# Our code is held to -Werror. -MD (not -MMD) records the LinuxKPI headers too: they are -isystem headers,
# which -MMD leaves out, so a header change would not rebuild the objects that use it. ACPICA's OS layer (src/acpi/) is built by third_party/linux/acpica.mk.

KPI_ROOT := LinuxKPI
OUT      ?= build/linuxkpi
include $(KPI_ROOT)/flags.mk

SOURCES := $(wildcard $(KPI_ROOT)/src/*.c)
OBJECTS := $(patsubst $(KPI_ROOT)/src/%.c,$(OUT)/%.o,$(SOURCES))

$(OUT)/liblinuxkpi.a: $(OBJECTS) $(KPI_ROOT)/kpi.mk
	@rm -f $@
	@mkdir -p $(@D)
	@$(if $(OBJECTS),llvm-ar rcs $@ $(OBJECTS),printf '!<arch>\n' > $@)

$(OUT)/%.o: $(KPI_ROOT)/src/%.c $(KPI_ROOT)/flags.mk
	@mkdir -p $(@D)
	@clang $(KPI_CFLAGS) $(KPI_WARNINGS) -Werror -DKBUILD_MODNAME='"linuxkpi"' -MD -MP -c $< -o $@

-include $(OBJECTS:.o=.d)
