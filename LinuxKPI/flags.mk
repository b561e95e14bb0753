# SPDX-License-Identifier: GPL-2.0-only
# The compiler flags of everything built against LinuxKPI: LinuxKPI's own C (kpi.mk) and modules
# (scripts/kmod). Linux's x86_64 kernel flags, adapted to where Apus places code: the kernel image sits at
# 1 MiB and modules between 1 and 2 GiB, so plain non-PIC small-model code reaches every symbol.
# Include with KPI_ROOT set to the LinuxKPI folder.

KPI_TARGET  := -target x86_64-unknown-none-elf
KPI_CFLAGS  := $(KPI_TARGET) -std=gnu11 -ffreestanding -nostdinc -fno-common \
               -fno-strict-aliasing -fno-pic -mcmodel=small -mno-red-zone -mno-sse -mno-sse2 -mno-mmx \
               -mno-avx -msoft-float -fno-stack-protector -fno-omit-frame-pointer -fno-delete-null-pointer-checks \
               -fno-asynchronous-unwind-tables -fshort-wchar -fno-strict-overflow \
               -O2 -D__KERNEL__ -D__linux__ -DKBUILD_BASENAME='"$(basename $(notdir $<))"' \
               -isystem $(KPI_ROOT)/include -include linux/kconfig.h -include linux/compiler_types.h
KPI_WARNINGS := -Wall -Wundef -Wno-sign-compare -Wno-unused-parameter -Wno-gnu-variable-sized-type-not-at-end \
               -Wno-address-of-packed-member -Wno-format-zero-length -Wno-pointer-sign
