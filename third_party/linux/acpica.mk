# SPDX-License-Identifier: GPL-2.0-only
# Builds ACPICA (drivers/acpi/acpica of linux-source-6.1, unmodified) and its LinuxKPI glue into
# $(OUT)/libacpica.a. Run by scripts/build: make -f third_party/linux/acpica.mk OUT=build/acpica -j N.
# The C files compiled are exactly the drivers/acpi/acpica/*.c the MANIFEST lists (Linux's acpi-y list
# without the debugger and disassembler, plus hwpci.c and utcache.c). Flags are Linux's for ACPICA
# (-D_LINUX -DBUILDING_ACPICA) on a freestanding x86_64 kernel target; LinuxKPI/include comes first, so
# its acpi/platform/aclinux.h replaces Linux's. ACPICA's own warnings are upstream's and not errors; our
# glue is built with -Wall -Wextra -Werror and sees the upstream headers as system headers.

SRC      := third_party/linux/src
MANIFEST := third_party/linux/MANIFEST
OUT      ?= build/acpica

ACPICA_C := $(shell awk '$$1 == "file" && $$3 ~ /^drivers\/acpi\/acpica\/[a-z0-9]+\.c$$/ { print $$3 }' $(MANIFEST))
OBJECTS  := $(patsubst drivers/acpi/acpica/%.c,$(OUT)/%.o,$(ACPICA_C))
GLUE     := $(OUT)/osl/acpi_osl.o $(OUT)/osl/acpi_api.o

TARGET   := -target x86_64-unknown-none-elf -ffreestanding -nostdlibinc -fno-pic -mno-red-zone -mno-sse -mno-mmx \
            -mcmodel=small -fno-stack-protector -fno-omit-frame-pointer -O2 -MMD -MP
DEFINES  := -D__linux__ -D_LINUX -DBUILDING_ACPICA

$(OUT)/libacpica.a: $(OBJECTS) $(GLUE)
	@rm -f $@
	@llvm-ar rcs $@ $^

$(OUT)/%.o: $(SRC)/drivers/acpi/acpica/%.c $(MANIFEST)
	@mkdir -p $(@D)
	@clang $(TARGET) $(DEFINES) -ILinuxKPI/include -I$(SRC)/include -c $< -o $@

$(OUT)/osl/%.o: LinuxKPI/src/acpi/%.c $(MANIFEST)
	@mkdir -p $(@D)
	@clang $(TARGET) $(DEFINES) -Wall -Wextra -Werror -ILinuxKPI/include -ISources/KernelSupport/include \
		-isystem $(SRC)/include -isystem $(SRC)/drivers/acpi/acpica -c $< -o $@

-include $(OBJECTS:.o=.d) $(GLUE:.o=.d)
