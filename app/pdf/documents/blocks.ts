// The lesson's mdast → the PDF engine's blocks: the same tree the web page renders.
import type { Nodes, PhrasingContent } from "mdast";
import type { BodyNode } from "~/content/document";
import { withUnbreakablePhoneNumbers } from "~/content/phone-numbers";
import type { Block, Inline } from "../model";
import type { TextStyle } from "../text-style";

export function inlinesOf(nodes: readonly Nodes[], style: TextStyle = { bold: false, italic: false }): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    switch (node.type) {
      case "text":
        return [{ text: withUnbreakablePhoneNumbers(node.value), style }];
      case "strong":
        return inlinesOf(node.children, { ...style, bold: true });
      case "emphasis":
        return inlinesOf(node.children, { ...style, italic: true });
      case "link":
        return inlinesOf(node.children, style);
      case "break":
        return [{ text: " ", style }];
      default:
        return "children" in node ? inlinesOf(node.children as PhrasingContent[], style) : [];
    }
  });
}

const blockCache = new WeakMap<readonly BodyNode[], Block[]>();

/**
 * Body nodes → blocks; a `##` inside a section becomes a level-3 heading under the section's level 2.
 * Kept per section (by identity): the same blocks, and so the layout's cached words and lines, serve
 * every document that prints the section.
 */
export function blocksOf(nodes: readonly BodyNode[]): Block[] {
  let blocks = blockCache.get(nodes);
  if (!blocks) {
    blocks = convert(nodes);
    blockCache.set(nodes, blocks);
  }
  return blocks;
}

function convert(nodes: readonly BodyNode[]): Block[] {
  return nodes.flatMap((node): Block[] => {
    switch (node.type) {
      case "paragraph":
        return [{ kind: "paragraph", inlines: inlinesOf(node.children) }];
      case "heading":
        return [{ kind: "heading", level: 3, inlines: inlinesOf(node.children) }];
      case "list":
        return [
          {
            kind: "list",
            ordered: node.ordered === true,
            start: node.start ?? 1,
            items: node.children.map((item) => convert(item.children as BodyNode[])),
          },
        ];
      case "blockquote":
        return [{ kind: "quote", blocks: convert(node.children as BodyNode[]) }];
      default:
        return [];
    }
  });
}
