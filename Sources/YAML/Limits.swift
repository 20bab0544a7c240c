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
    /// Maximum number of nodes in the tree, counting every node an alias expands to.
    /// The largest real descriptions known (Plaid, Asana: ~3 MB) have well under a million.
    public var maxNodes: Int = 4_000_000

    public init(maxDepth: Int = 512, maxAliasExpansions: Int = 100_000, maxBytes: Int = 64 << 20, maxNodes: Int = 4_000_000) {
        self.maxDepth = maxDepth
        self.maxAliasExpansions = maxAliasExpansions
        self.maxBytes = maxBytes
        self.maxNodes = maxNodes
    }
}
