// SPDX-License-Identifier: GPL-2.0-only
// Loads the binary fixtures (compiled AML, captured boot information, ACPI tables) shipped with the tests.

import Foundation

enum BootFixtures {
    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// Every fixture whose name ends with `suffix`, sorted, so a dropped-in file is tested.
    static func names(endingWith suffix: String) -> [String] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return all.filter { $0.hasSuffix(suffix) }.sorted()
    }
}
