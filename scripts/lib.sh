# SPDX-License-Identifier: GPL-2.0-only
# Shared by the scripts: paths, the apt dependencies, and installing them when missing.

APUS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$APUS_ROOT/build"
KERNEL_SCRATCH="$APUS_ROOT/.build-kernel"
HOST_SCRATCH="$APUS_ROOT/.build"
TRIPLE=x86_64-unknown-none-elf

# command-or-file → Debian package that provides it
APUS_APT_DEPENDENCIES=(
    "qemu-system-x86_64:qemu-system-x86"
    "grub-mkrescue:grub-common"
    "/usr/lib/grub/i386-pc/multiboot2.mod:grub-pc-bin"
    "/usr/lib/grub/x86_64-efi/multiboot2.mod:grub-efi-amd64-bin"
    "xorriso:xorriso"
    "mformat:mtools"
    "/usr/share/OVMF/OVMF_CODE_4M.fd:ovmf"
    "/usr/src/linux-source-6.1.tar.xz:linux-source-6.1"     # ACPICA's sources (scripts/fetch-linux)
    "make:make"
    "/usr/share/misc/pci.ids:pci.ids"
    "/usr/include/gelf.h:libelf-dev"                         # apus-kpi reads ELF files with libelf
    "pkg-config:pkgconf"                                     # SwiftPM finds libelf through it
    "xz:xz-utils"                                            # apus-kpi census: *.ko.xz modules
    "zstd:zstd"                                              # apus-kpi census: *.ko.zst modules
)

log() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Install the Debian packages whose command or file is missing (needs root or sudo).
ensure_dependencies() {
    local missing=() entry what pkg
    for entry in "${APUS_APT_DEPENDENCIES[@]}"; do
        what=${entry%%:*}; pkg=${entry##*:}
        if [[ $what == /* ]]; then [[ -e $what ]] && continue
        else command -v "$what" >/dev/null 2>&1 && continue; fi
        [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    log "installing missing packages: ${missing[*]}"
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || die "could not install: ${missing[*]}"
}
