import { flagNotice, type ParsedUrlView, parseFlagParam, type UrlViewDefinition } from "./urlView";

/** A page view that can be shown in presentation mode (`present=1`: large type, one screen, no chrome). */
export type Presentable<View> = View & { present: boolean };

/**
 * A page's URL view with presentation mode added: `present=1` is read like any other flag and
 * written only while presenting, so an ordinary link stays as it was and a link copied while
 * presenting opens presenting.
 */
export function withPresentation<View, Context>(
  definition: UrlViewDefinition<View, Context>,
): UrlViewDefinition<Presentable<View>, Context> {
  return {
    parse(params, context): ParsedUrlView<Presentable<View>> {
      const { view, notices } = definition.parse(params, context);
      const text = params.get("present");
      const present = text === null ? null : parseFlagParam(text);
      return {
        view: { ...view, present: present ?? false },
        notices: text !== null && present === null ? [...notices, flagNotice("present", text)] : notices,
      };
    },
    serialize(view) {
      const params = definition.serialize(view);
      if (view.present) params.set("present", "1");
      return params;
    },
  };
}
