@_exported import LoopXRules
