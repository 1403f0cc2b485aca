import { App, CfnResource, Stack, TagManager } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { kapatiranStacks } from "../../infra/aws/kapatiran-stack";
import type { EnvironmentName } from "../../infra/aws/settings";

/**
 * Synthesizes the stacks the way `cdk synth` does, offline (no AWS account,
 * no lookups), with CDK context as the operator would pass it with -c.
 */
export function synth(context: Record<string, string> = {}, environments: EnvironmentName[] = ["staging", "production"]) {
  const app = new App({ context });
  const stacks = kapatiranStacks(app, environments);
  const templates = Object.fromEntries(
    stacks.map(({ settings, edge, main }) => [settings.name, { settings, main, edge, template: Template.fromStack(main), edgeTemplate: Template.fromStack(edge) }]),
  );
  return { app, stacks: templates as Record<EnvironmentName, (typeof templates)[string]> };
}

/** Resources of a type, as logical id → Properties. */
export function resources(template: Template, type: string): [string, Record<string, any>][] {
  return Object.entries(template.findResources(type)).map(([id, resource]) => [id, (resource as { Properties?: Record<string, any> }).Properties ?? {}]);
}

/** Every L1 resource in a stack that takes tags, with the tags it will carry. */
export function taggableResources(stack: Stack): { path: string; tags: Record<string, string> }[] {
  return stack.node
    .findAll()
    .filter((node): node is CfnResource => CfnResource.isCfnResource(node) && TagManager.isTaggable(node))
    .map((resource) => {
      const rendered = (resource as unknown as { tags: TagManager }).tags.renderTags() as unknown;
      const tags: Record<string, string> = {};
      if (Array.isArray(rendered)) for (const tag of rendered as { key?: string; Key?: string; value?: string; Value?: string }[]) tags[tag.key ?? tag.Key ?? ""] = tag.value ?? tag.Value ?? "";
      else if (rendered && typeof rendered === "object") Object.assign(tags, rendered);
      return { path: resource.node.path, tags };
    });
}

/** A template value as text, tokens and intrinsic functions included (for user data and dashboards). */
export const text = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(text).join("");
  if (value && typeof value === "object") {
    const join = (value as Record<string, unknown>)["Fn::Join"];
    if (Array.isArray(join)) return text(join[1]);
    const base64 = (value as Record<string, unknown>)["Fn::Base64"];
    if (base64 !== undefined) return text(base64);
    return JSON.stringify(value);
  }
  return String(value);
};
