import ArgumentParser
import LoopXCore

struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Inspect and validate the registry; problems carry stable codes.",
        discussion: "Example: loopx --registry .loopx/registry.json registry --format json"
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (context, store) = try global.store()
        try emit(try RegistryInspection(store: store).run(), format: context.format)
    }
}
