import { isMap, isScalar, isSeq, type LineCounter, type parseDocument, type Node as YamlNode } from 'yaml';

/** Where a field stands in a YAML (or JSON) file, for error messages. */
export interface YamlPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * A function from a field path (keys and list indices) to its position in the file: the key of a
 * mapping entry, the item of a list, or, where the path leaves the file (a missing field), the
 * deepest part of it that is there.
 */
export function yamlLocator(doc: ReturnType<typeof parseDocument>, counter: LineCounter): (path: readonly (string | number)[]) => YamlPosition | undefined {
  return (path) => {
    let node: unknown = doc.contents;
    let offset: number | undefined = (node as YamlNode | null)?.range?.[0];
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
        if (!pair) break;
        offset = (pair.key as YamlNode).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number' && part >= 0 && part < node.items.length) {
        node = node.items[part];
        offset = (node as YamlNode | null)?.range?.[0] ?? offset;
      } else break;
    }
    if (offset === undefined) return undefined;
    const pos = counter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}
