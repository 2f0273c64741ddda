import type { Nodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { components, componentNames } from './components.ts';
import type { Diagnostic } from './diagnostic.ts';

const safeUrl = /^(?:https?:|mailto:|tel:|[/#?.]|[^:/?#]*(?:[/?#]|$))/i;

function at(node: Nodes, message: string): Diagnostic {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message };
}

function checkAttributes(node: MdxJsxFlowElement | MdxJsxTextElement, name: string, out: Diagnostic[]): void {
  const spec = components[name];
  if (!spec) return;
  const seen = new Set<string>();
  for (const attr of node.attributes as Array<MdxJsxAttribute | MdxJsxExpressionAttribute>) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      out.push(at(node, `<${name}>: spread attributes are not allowed`));
      continue;
    }
    if (/^on/i.test(attr.name)) {
      out.push(at(node, `<${name}>: event handler attribute "${attr.name}" is not allowed`));
      continue;
    }
    if (!spec.attributes.includes(attr.name)) {
      const allowed = spec.attributes.length ? `allowed: ${spec.attributes.join(', ')}` : 'it takes no attributes';
      out.push(at(node, `<${name}>: unknown attribute "${attr.name}" (${allowed})`));
      continue;
    }
    if (typeof attr.value !== 'string') {
      out.push(at(node, `<${name}>: attribute "${attr.name}" must be a quoted text, not an expression`));
      continue;
    }
    seen.add(attr.name);
  }
  for (const required of spec.required ?? []) {
    if (!seen.has(required)) out.push(at(node, `<${name}>: attribute "${required}" is required`));
  }
}

/**
 * Checks a parsed MDX tree against the safe subset staff may write: only whitelisted components with
 * literal attributes, no ESM, no expressions, no script-bearing URLs.
 */
export function validateTree(tree: Root): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        out.push(at(node, 'import/export statements are not allowed in articles'));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        out.push(at(node, 'JavaScript expressions ({...}) are not allowed in articles; write \\{ for a literal brace'));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (!name) {
          out.push(at(node, 'fragments (<>...</>) are not allowed'));
        } else if (!components[name]) {
          out.push(at(node, `<${name}> is not an allowed component (allowed: ${componentNames.join(', ')})`));
        } else {
          const spec = components[name];
          if (spec.kind === 'block' && node.type === 'mdxJsxTextElement' && node.children.length > 0) {
            out.push(at(node, `<${name}> must stand on lines of its own, around the Markdown it wraps`));
          }
          checkAttributes(node, name, out);
        }
        break;
      }
      case 'link':
      case 'image':
      case 'definition':
        if (!safeUrl.test(node.url.trim())) {
          out.push(at(node, `URL "${node.url.slice(0, 60)}" uses a protocol that is not allowed (use https:, mailto: or a relative link)`));
        }
        break;
      default:
        break;
    }
  });
  return out;
}
