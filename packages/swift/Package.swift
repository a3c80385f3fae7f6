// swift-tools-version:5.9
//
// RosterKit for Swift: the generated uniffi bindings (Sources/RosterKit) over
// the Rust library's C interface (Sources/RosterKitFFI).
//
// Where the compiled library comes from:
// - With RosterKitFFI.xcframework beside this file (built on macOS by
//   scripts/build-xcframework.sh for iOS, the iOS simulator and macOS), the
//   FFI target is that binary framework. This is how apps consume the package.
// - Without it, the FFI target is a system library linking
//   librosterkit_uniffi from the workspace's target/debug, for `swift test`
//   on a developer's Mac or Linux box after `cargo build -p rosterkit-uniffi`.
import Foundation
import PackageDescription

let packageDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let xcframework = "RosterKitFFI.xcframework"
let useXCFramework = FileManager.default.fileExists(atPath: "\(packageDir)/\(xcframework)")
let cargoLibDir = "\(packageDir)/../../target/debug"

let ffi: Target = useXCFramework
    ? .binaryTarget(name: "RosterKitFFI", path: xcframework)
    : .systemLibrary(name: "RosterKitFFI", path: "Sources/RosterKitFFI")

// Local builds find the cargo-built library, and its tests load it, from target/debug.
let localLinker: [LinkerSetting] = useXCFramework
    ? []
    : [.unsafeFlags(["-L", cargoLibDir, "-Xlinker", "-rpath", "-Xlinker", cargoLibDir])]

let package = Package(
    name: "RosterKit",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "RosterKit", targets: ["RosterKit"]),
    ],
    targets: [
        ffi,
        .target(
            name: "RosterKit",
            dependencies: ["RosterKitFFI"],
            path: "Sources/RosterKit",
            linkerSettings: localLinker
        ),
        .testTarget(
            name: "RosterKitTests",
            dependencies: ["RosterKit"],
            path: "Tests/RosterKitTests",
            linkerSettings: localLinker
        ),
    ]
)
