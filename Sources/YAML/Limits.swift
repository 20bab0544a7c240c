/// Resource limits applied while parsing, so hostile or broken input fails fast.
public struct YAMLLimits: Hashable, Sendable {
    /// Maximum nesting depth of the node tree. The root node has depth 1; a node
    /// deeper than this (including nodes reached through an expanded alias) is an error.
    public var maxDepth: Int = 512
    /// Maximum total number of nodes created by alias expansion (an alias to a node
    /// with N nodes in its subtree counts N). Guards against "billion laughs".
    public var maxAliasExpansions: Int = 100_000
    /// Maximum input size in bytes.
    public var maxBytes: Int = 64 << 20

    public init(maxDepth: Int = 512, maxAliasExpansions: Int = 100_000, maxBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxAliasExpansions = maxAliasExpansions
        self.maxBytes = maxBytes
    }
}
