// Renders the mdast of a lesson section as React. It renders only the node types the content checks
// allow; anything else (raw HTML above all) is dropped, so a lesson file can never inject markup.
import type { Nodes } from "mdast";
import { Fragment, type ReactNode } from "react";
import { lessonLinkPrefix, materialLinkPrefix } from "~/content/links";
import { splitPhoneNumbers } from "~/content/phone-numbers";
import type { BodyNode } from "~/content/document";
import type { Language } from "~/i18n/languages";

interface LessonBodyProps {
  nodes: readonly BodyNode[];
  language: Language;
  /** Level of the section's own heading: a `##` in the lesson becomes one level below it. */
  sectionHeadingLevel?: number;
  /**
   * Where a link to a printable leads: to the printable on the same page (the teacher page shows them),
   * or nowhere (students have the printed card in their hands; the text stays).
   */
  materialLinks?: "same-page" | "text";
}

export function LessonBody({ nodes, language, sectionHeadingLevel = 2, materialLinks = "text" }: LessonBodyProps) {
  return <>{nodes.map((node, index) => renderNode(node, { language, sectionHeadingLevel, materialLinks, insideLink: false }, index))}</>;
}

interface RenderContext {
  language: Language;
  sectionHeadingLevel: number;
  materialLinks: "same-page" | "text";
  insideLink: boolean;
}

/** Text with each phone number kept on one line and, outside another link, dialable. */
function renderText(value: string, context: RenderContext, key: number): ReactNode {
  const segments = splitPhoneNumbers(value);
  if (segments.length === 1 && !segments[0]!.phoneNumber) return value;
  return (
    <Fragment key={key}>
      {segments.map((segment, index) =>
        segment.phoneNumber === undefined ? (
          segment.text
        ) : context.insideLink ? (
          <span key={index} className="phone-number">
            {segment.text}
          </span>
        ) : (
          <a key={index} className="phone-number" href={`tel:${segment.phoneNumber}`}>
            {segment.text}
          </a>
        ),
      )}
    </Fragment>
  );
}

function renderChildren(node: { children: Nodes[] }, context: RenderContext): ReactNode[] {
  return node.children.map((child, index) => renderNode(child, context, index));
}

function renderNode(node: Nodes, context: RenderContext, key: number): ReactNode {
  switch (node.type) {
    case "text":
      return renderText(node.value, context, key);
    case "paragraph":
      return <p key={key}>{renderChildren(node, context)}</p>;
    case "strong":
      return <strong key={key}>{renderChildren(node, context)}</strong>;
    case "emphasis":
      return <em key={key}>{renderChildren(node, context)}</em>;
    case "break":
      return <br key={key} />;
    case "blockquote":
      return <blockquote key={key}>{renderChildren(node, context)}</blockquote>;
    case "list": {
      const List = node.ordered ? "ol" : "ul";
      return (
        <List key={key} start={node.ordered && node.start && node.start !== 1 ? node.start : undefined}>
          {renderChildren(node, context)}
        </List>
      );
    }
    case "listItem": {
      // A tight list item's paragraphs render without <p>, as Markdown intends.
      const children = node.spread
        ? renderChildren(node, context)
        : node.children.flatMap((child, index) =>
            child.type === "paragraph" ? renderChildren(child, context) : [renderNode(child, context, index)],
          );
      return <li key={key}>{children}</li>;
    }
    case "heading": {
      const level = Math.min(6, context.sectionHeadingLevel + node.depth - 1);
      const Heading = `h${level}` as "h3";
      return <Heading key={key}>{renderChildren(node, context)}</Heading>;
    }
    case "link": {
      const inside = { ...context, insideLink: true };
      if (node.url.startsWith(materialLinkPrefix) && context.materialLinks === "same-page") {
        return (
          <a key={key} href={`#${printableAnchor(node.url.slice(materialLinkPrefix.length))}`}>
            {renderChildren(node, inside)}
          </a>
        );
      }
      if (!node.url.startsWith(lessonLinkPrefix)) return <span key={key}>{renderChildren(node, context)}</span>;
      const slug = node.url.slice(lessonLinkPrefix.length);
      return (
        <a key={key} href={`/${context.language}/lessons/${encodeURIComponent(slug)}`}>
          {renderChildren(node, inside)}
        </a>
      );
    }
    default:
      return null;
  }
}

/** The id of a printable's element on the teacher page. */
export function printableAnchor(id: string): string {
  return `material-${id}`;
}
