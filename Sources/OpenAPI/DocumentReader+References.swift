import YAML

/// What a `$ref` leads to: a file (nil for the root description) and a `#/…` fragment in it.
struct ReferenceTarget: Hashable {
    var file: String?
    var fragment: String
}

/// A schema from another file, waiting to be read into the components under the name it was given.
struct PendingSchema {
    var name: String
    var node: Node
    var pointer: JSONPointer
}

/// `$ref`s to other files: loading each file once, resolving paths against the file that holds the
/// reference, and giving schemas from other files a place among the components.
extension DocumentReader {
    /// How diagnostics name a file given relative to the root description's folder.
    func displayPath(_ path: String?) -> String {
        guard let path, path != rootPath else { return rootDisplayPath }
        let folder = ReferencePath.folder(of: rootDisplayPath)
        return folder.isEmpty ? path : folder + "/" + path
    }

    /// Where `reference` (written at `refNode`) leads, or nil after reporting why it leads nowhere:
    /// a URL, an absolute path, a path outside the description's folder, a file that cannot be read.
    mutating func target(of reference: String, _ refNode: Node, _ refPointer: JSONPointer, what: String) -> ReferenceTarget? {
        switch resolve(reference, from: refPointer.file) {
        case .success(let target):
            return target
        case .failure(let problem):
            error(problem.message, refNode, refPointer, hint: problem.hint)
            return nil
        }
    }

    /// Why a reference leads nowhere.
    struct ReferenceProblem: Error {
        var message: String
        var hint: String?
    }

    /// `target(of:…)` without reporting: loads the file the reference names (once), nothing else.
    mutating func resolve(_ reference: String, from file: String?) -> Result<ReferenceTarget, ReferenceProblem> {
        let hash = reference.firstIndex(of: "#")
        let filePart = String(reference[..<(hash ?? reference.endIndex)])
        let fragment = hash.map { ReferencePath.percentDecoded(String(reference[$0...])) } ?? "#"
        guard fragment == "#" || fragment.hasPrefix("#/") else {
            return .failure(ReferenceProblem(
                message: "the fragment of reference '\(reference)' is not a JSON pointer",
                hint: "write a pointer such as '#/components/schemas/Name'"))
        }
        guard !filePart.isEmpty else { return .success(ReferenceTarget(file: file, fragment: fragment)) }
        if filePart.contains("://") || filePart.hasPrefix("//") {
            return .failure(ReferenceProblem(
                message: "reference to a URL '\(reference)' is not supported",
                hint: "download the file next to the description and refer to it by a relative path, e.g. 'common.yaml#/components/schemas/Error'"))
        }
        if filePart.hasPrefix("/") || filePart.hasPrefix("~") || filePart.dropFirst().hasPrefix(":") {
            return .failure(ReferenceProblem(
                message: "absolute file reference '\(reference)' is not supported",
                hint: "write the path relative to the file that holds the reference"))
        }
        let current = file ?? rootPath
        guard let path = ReferencePath.normalized(
            ReferencePath.percentDecoded(filePart), from: ReferencePath.folder(of: current))
        else {
            return .failure(ReferenceProblem(
                message: "reference '\(reference)' leaves the folder of the description",
                hint: "keep the files a description refers to in its folder (\(displayPath(nil))) or below it"))
        }
        if path == rootPath { return .success(ReferenceTarget(file: nil, fragment: fragment)) }
        switch loadFile(path) {
        case .loaded:
            return .success(ReferenceTarget(file: path, fragment: fragment))
        case .invalid:
            return .failure(ReferenceProblem(
                message: "'\(displayPath(path))', named by reference '\(reference)', is not valid YAML", hint: nil))
        case .unreadable:
            return .failure(ReferenceProblem(
                message: "cannot read '\(displayPath(path))', named by reference '\(reference)'",
                hint: "a path in $ref is relative to the file that holds it (\(displayPath(current)))"))
        case .tooMany:
            return .failure(ReferenceProblem(
                message: "reference '\(reference)' would read more than \(ReferencedFiles.maxFiles) files",
                hint: "bundle the description into fewer files"))
        }
    }

    /// Components that are only a `$ref` into another file (`Pet: {$ref: 'pet.yaml'}`, the usual way
    /// to gather a split description's models, in the root or in the index file a `schemas: {$ref:}`
    /// names) take that schema under their own name, instead of becoming an alias of a second type
    /// named after the file. Returns what each one reads.
    mutating func adoptExternalComponents(_ schemas: MapEntries) -> [String: PendingSchema] {
        var adopted: [String: PendingSchema] = [:]
        for pair in schemas.pairs {
            guard let name = pair.key.scalar, pair.value.mapping?.count == 1, let reference = pair.value["$ref"]?.scalar,
                case .success(let target) = resolve(reference, from: schemas.pointer.file),
                let file = target.file, externalSchemaNames[target] == nil,
                let located = locate(target.fragment, in: file)
            else { continue }
            externalSchemaNames[target] = name
            adopted[name] = PendingSchema(name: name, node: located.node, pointer: located.pointer)
        }
        return adopted
    }

    enum LoadOutcome { case loaded(Node), unreadable, invalid, tooMany }

    /// Reads and parses a file once; later calls return the same outcome.
    mutating func loadFile(_ path: String) -> LoadOutcome {
        if let known = loadedFiles[path] { return known }
        guard sources.count < ReferencedFiles.maxFiles else { return .tooMany }
        let outcome: LoadOutcome
        if let bytes = files.load(path) {
            sources.append(SourceFile(path: path, displayPath: displayPath(path), bytes: bytes))
            do {
                outcome = .loaded(try YAMLParser.parse(bytes, file: displayPath(path)))
            } catch {
                diagnostics.append(Diagnostic(error))
                outcome = .invalid
            }
        } else {
            outcome = .unreadable
        }
        loadedFiles[path] = outcome
        return outcome
    }

    /// The reference a schema keeps: a reference in the root description stays as written; one that
    /// leads into another file becomes `#/components/schemas/<name>`, the schema being read once into
    /// the components under a name of its own (its last pointer token, or the file's name).
    mutating func schemaReference(_ reference: String, _ refNode: Node, _ refPointer: JSONPointer) -> String {
        if reference.hasPrefix("#"), refPointer.file == nil {
            if node(at: reference) == nil {
                error("unresolved reference '\(reference)'", refNode, refPointer,
                      hint: "check that the schema exists at that path")
            }
            return reference
        }
        guard let target = target(of: reference, refNode, refPointer, what: "schema") else { return reference }
        guard let file = target.file else {
            if node(at: target.fragment) == nil {
                error("unresolved reference '\(reference)'", refNode, refPointer,
                      hint: "check that '\(target.fragment)' exists in \(displayPath(nil))")
            }
            return target.fragment
        }
        let key = ReferenceTarget(file: file, fragment: target.fragment)
        if let name = externalSchemaNames[key] { return "#/components/schemas/" + JSONPointer.escape(name) }
        guard let located = locate(target.fragment, in: file) else {
            error("unresolved reference '\(reference)'", refNode, refPointer,
                  hint: "check that '\(target.fragment)' exists in \(displayPath(file))")
            return reference
        }
        // Reached through a whole-map `$ref` to an entry that is a component already.
        if let file = located.pointer.file,
            let name = externalSchemaNames[ReferenceTarget(file: file, fragment: located.pointer.fragment)]
        {
            externalSchemaNames[key] = name
            return "#/components/schemas/" + JSONPointer.escape(name)
        }
        let name = claimExternalSchemaName(located.pointer)
        externalSchemaNames[key] = name
        pendingSchemas.append(PendingSchema(name: name, node: located.node, pointer: located.pointer))
        return "#/components/schemas/" + JSONPointer.escape(name)
    }

    /// The pointer's last token (`Error`), or the file's name for a whole file (`pet.yaml` → `pet`); when a
    /// component of the root or an earlier file has it, the file's name goes first (`common.Error`), then a number.
    private mutating func claimExternalSchemaName(_ pointer: JSONPointer) -> String {
        let stem = ReferencePath.stem(pointer.file ?? rootPath)
        let base = pointer.lastToken.flatMap { $0.isEmpty ? nil : $0 } ?? stem
        var candidates = [base]
        if base != stem { candidates.append(stem + "." + base) }
        let taken = claimedSchemaNames.union(componentSchemaLocations.keys).contains
        var name = candidates.first { !taken($0) } ?? candidates.last!
        var suffix = 2
        while taken(name) {
            name = (candidates.last!) + String(suffix)
            suffix += 1
        }
        claimedSchemaNames.insert(name)
        return name
    }

    /// Reads every schema that references into other files named, including those they name in turn.
    mutating func readPendingSchemas() -> [NamedSchema] {
        var schemas: [NamedSchema] = []
        var index = 0
        while index < pendingSchemas.count {
            let next = pendingSchemas[index]
            schemas.append(NamedSchema(name: next.name, schema: readSchema(next.node, next.pointer)))
            index += 1
        }
        pendingSchemas.removeAll()
        return schemas
    }
}
