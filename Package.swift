// swift-tools-version: 6.2
// SPDX-License-Identifier: GPL-2.0-only
// Apus: an x86_64 kernel whose core is Embedded Swift.
//
// Two builds share this manifest:
// - the host build (`swift build`, `swift test`): KernelCore (portable Swift) and its tests, plus the
//   host tools and the QEMU system tests;
// - the kernel build (`scripts/build`, which sets APUS_KERNEL=1 and cross-compiles for
//   x86_64-unknown-none-elf with Sources/KernelSupport/toolset.json): KernelCore, KernelSupport (boot
//   assembly and C helpers) and Kernel, all in Embedded Swift, archived into libKernel.a and linked
//   into build/apus.elf with Sources/KernelSupport/kernel.ld.
import PackageDescription

let kernelBuild = Context.environment["APUS_KERNEL"] != nil

let strictSwift: [SwiftSetting] = [
    .strictMemorySafety(),
    .treatAllWarnings(as: .error),
]
let embeddedSwift: [SwiftSetting] = strictSwift + [
    .enableExperimentalFeature("Embedded"),
    .enableExperimentalFeature("Extern"),
]

var targets: [Target] = [
    .target(
        name: "KernelCore",
        swiftSettings: kernelBuild ? embeddedSwift : strictSwift
    ),
]
var products: [Product] = []

if kernelBuild {
    targets += [
        .target(
            name: "KernelSupport",
            exclude: ["kernel.ld", "toolset.json"],
            // Our C never touches floating point: interrupt entry saves SSE state only for Swift.
            cSettings: [.unsafeFlags(["-mno-sse", "-mno-mmx", "-mno-80387"])]
        ),
        .target(
            name: "Kernel",
            dependencies: ["KernelCore", "KernelSupport"],
            swiftSettings: embeddedSwift
        ),
    ]
    products += [.library(name: "Kernel", type: .static, targets: ["Kernel"])]
} else {
    targets += [
        .executableTarget(
            name: "apus-symtab",
            dependencies: ["KernelCore"],
            swiftSettings: strictSwift
        ),
        // apus-kpi, our modpost: which imports of Linux modules Apus' exports satisfy. libelf comes from
        // Debian's libelf-dev (scripts/lib.sh installs it).
        .systemLibrary(
            name: "CLibElf",
            pkgConfig: "libelf",
            providers: [.apt(["libelf-dev"])]
        ),
        .target(
            name: "ApusKPI",
            dependencies: ["CLibElf"],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "apus-kpi",
            dependencies: ["ApusKPI"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ApusKPITests",
            dependencies: ["ApusKPI"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "KernelCoreTests",
            dependencies: ["KernelCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SystemTests",
            dependencies: ["KernelCore"],
            swiftSettings: strictSwift
        ),
    ]
}

let package = Package(name: "Apus", products: products, targets: targets)
