extension Builtins {
    static func registerStrings(_ t: inout FunctionTable) {}
    static func registerMath(_ t: inout FunctionTable) {}
    static func registerOptionals(_ t: inout FunctionTable) {}
    static func registerEncoders(_ t: inout FunctionTable) {}
    static func registerLists(_ t: inout FunctionTable) {}
}
