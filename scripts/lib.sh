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
    "sgdisk:gdisk"                                           # scripts/make-usb-image
    "iasl:acpica-tools"                                      # the laptop SSDT of the system tests
    "/usr/share/OVMF/OVMF_CODE_4M.fd:ovmf"
    "/usr/src/linux-source-6.1.tar.xz:linux-source-6.1"     # ACPICA's sources (scripts/fetch-linux)
    "make:make"
    "/usr/share/misc/pci.ids:pci.ids"
    "/usr/include/gelf.h:libelf-dev"                         # apus-kpi reads ELF files with libelf
    "pkg-config:pkgconf"                                     # SwiftPM finds libelf through it
    "xz:xz-utils"                                            # apus-kpi census: *.ko.xz modules
    "zstd:zstd"                                              # apus-kpi census: *.ko.zst modules
    "/usr/share/consolefonts/Uni2-Terminus16.psf.gz:console-setup-linux"   # the framebuffer console's font
)

# The framebuffer console's font (PSF, from Debian's console-setup-linux); scripts/build unpacks it to
# $BUILD/console-font.psf, which scripts/mkiso puts on the image and the system tests read.
APUS_CONSOLE_FONT=/usr/share/consolefonts/Uni2-Terminus16.psf.gz

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

# Fills TREE with what every Apus boot image carries: boot/apus.elf, the PCI ID database as the Multiboot2
# module pci.ids, the console FONT (PSF, .gz unpacked) as the module console-font, each MODULE.ko as the
# module NAME.ko (which `insmod NAME` and modules= find), and boot/grub/grub.cfg passing CMDLINE to the kernel
# and asking for a linear framebuffer in GFXMODE ("" for the default) (scripts/mkiso, scripts/make-usb-image).
write_boot_tree() { # TREE CMDLINE FONT GFXMODE [MODULE.ko…]
    local tree=$1 cmdline=$2 font=$3 gfxmode=$4 module name module_lines="" video
    shift 4
    [[ -f $BUILD/apus.elf ]] || die "no $BUILD/apus.elf: run scripts/build first"
    [[ $cmdline != *[\"\\\$\;]* ]] || die "the command line may not contain quotes, backslashes, \$ or ;"
    [[ -f /usr/share/misc/pci.ids ]] || die "no /usr/share/misc/pci.ids: install the pci.ids package"
    [[ -f $font ]] || die "no font $font: run scripts/build first (or pass --font)"
    mkdir -p "$tree/boot/grub"
    cp "$BUILD/apus.elf" "$tree/boot/apus.elf"
    cp /usr/share/misc/pci.ids "$tree/boot/pci.ids"
    case $font in
        *.gz) gzip -dc "$font" > "$tree/boot/console-font.psf" || die "cannot unpack $font" ;;
        *) cp "$font" "$tree/boot/console-font.psf" ;;
    esac
    for module in "$@"; do
        name=$(basename "$module")
        [[ $name =~ ^[A-Za-z0-9_-]+\.ko$ ]] || die "--module $module: the file name may hold only letters, digits, - and _"
        [[ ! -e $tree/boot/modules/$name ]] || die "--module: two modules named $name"
        mkdir -p "$tree/boot/modules"
        cp "$module" "$tree/boot/modules/$name"
        module_lines+="    module2 /boot/modules/$name $name"$'\n'
    done
    # A linear framebuffer for the console: on UEFI GRUB's "auto" GOP mode (the panel's preferred mode when
    # the firmware reports one), on BIOS VBE 1024x768x32 when offered, else "auto". It is set after
    # `multiboot2`, which sets gfxpayload from the kernel's framebuffer request tag (no size asked: "auto").
    if [[ -n $gfxmode ]]; then
        video="set gfxpayload=$gfxmode"
    else
        video='if [ "${grub_platform}" = "pc" ]; then set gfxpayload=1024x768x32,1024x768,auto; fi'
    fi
    cat > "$tree/boot/grub/grub.cfg" <<CFG
set timeout=0
set default=0
serial --unit=0 --speed=115200
terminal_input console serial
terminal_output console serial
insmod all_video
menuentry "Apus" {
    multiboot2 /boot/apus.elf $cmdline
    module2 /boot/pci.ids pci.ids
    module2 --nounzip /boot/console-font.psf console-font
${module_lines}    $video
    boot
}
CFG
}
