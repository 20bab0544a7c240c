import YAML

/// A node and where it is: its pointer names the file that holds it, so the relative `$ref`s inside
/// it resolve from that file.
struct Located {
    var node: Node
    var pointer: JSONPointer
}

/// The entries of a map (`paths`, `components/schemas`, `responses`, …) and the pointer of the map
/// that holds them, which is in another file when the map was a `$ref`.
struct MapEntries {
    var pairs: [Node.Pair]
    var pointer: JSONPointer
}

/// Finding nodes by pointer across the files of a split description.
extension DocumentReader {
    /// How many whole-map `$ref`s one lookup follows before it gives up (an index file that names itself).
    static let maxMapHops = 32

    /// The node at a `#/…` fragment of a file (nil: the root description), with the pointer of the
    /// file it really is in. A `$ref` met on the way that stands for a whole map (`schemas: {$ref:
    /// './schemas/_index.yaml'}`) is followed, so `#/components/schemas/Pet` finds `Pet` in
    /// `schemas/_index.yaml`. The node found is returned as it is, a `$ref` or not.
    mutating func locate(_ fragment: String, in file: String?) -> Located? {
        var hops = 0
        return locate(fragment, in: file, hops: &hops)
    }

    private mutating func locate(_ fragment: String, in file: String?, hops: inout Int) -> Located? {
        if file == nil, let name = JSONPointer.componentSchemaName(fragment) { return componentSchemaLocations[name] }
        guard let pointer = JSONPointer(file: file, reference: fragment), let start = fileRoot(file),
            let top = JSONPointer(file: file, reference: "#")
        else { return nil }
        var current = Located(node: start, pointer: top)
        for token in pointer.tokens {
            while true {
                if let pairs = current.node.mapping {
                    if let pair = pairs.first(where: { $0.key.scalar == token }) {
                        current = Located(node: pair.value, pointer: current.pointer.appending(token))
                        break
                    }
                    // Not here: when the map is a `$ref`, the key is in the map it names.
                    guard hops < Self.maxMapHops, let reference = current.node["$ref"]?.scalar,
                        case .success(let target) = resolve(reference, from: current.pointer.file)
                    else { return nil }
                    hops += 1
                    guard let next = locate(target.fragment, in: target.file, hops: &hops) else { return nil }
                    current = next
                } else if let items = current.node.sequence, let index = Int(token), items.indices.contains(index) {
                    current = Located(node: items[index], pointer: current.pointer.appending(index))
                    break
                } else {
                    return nil
                }
            }
        }
        return current
    }

    /// The root node of a file already loaded (nil: the root description).
    func fileRoot(_ file: String?) -> Node? {
        guard let file else { return root }
        guard case .loaded(let node)? = loadedFiles[file] else { return nil }
        return node
    }

    /// The entries of a map that may be written as a `$ref` standing for the whole map, in this file
    /// or another (`schemas: {$ref: './schemas/_index.yaml'}`); nil after reporting why there are none.
    /// No name in these maps can be `$ref` (component names, paths, status codes, header names), so
    /// the key is never an entry.
    mutating func mapEntries(_ node: Node, _ pointer: JSONPointer, what: String) -> MapEntries? {
        guard let (mapNode, mapPointer) = dereference(node, pointer, what: what),
            let pairs = mapping(mapNode, mapPointer, what: what)
        else { return nil }
        return MapEntries(pairs: pairs, pointer: mapPointer)
    }

    /// Records where every `#/components/schemas/*` is. An entry of a map in another file can also be
    /// named by a reference into that file (`schemas/_index.yaml#/Pet`), which must lead to the same
    /// component, not to a copy.
    mutating func indexComponentSchemas(_ schemas: MapEntries) {
        for pair in schemas.pairs {
            guard let name = pair.key.scalar, componentSchemaLocations[name] == nil else { continue }
            let pointer = schemas.pointer.appending(name)
            componentSchemaLocations[name] = Located(node: pair.value, pointer: pointer)
            if let file = pointer.file {
                externalSchemaNames[ReferenceTarget(file: file, fragment: pointer.fragment)] = name
            }
        }
    }
}
