import { FilterSelect } from "@/components/forms/filter-select";

/**
 * The audit logs' "what" filter (the admin console's and the settings'): one option group per area, opened by
 * "every action in <area>", then the area's actions.
 */
export function AuditActionFilter({
  label,
  anyLabel,
  value,
  className,
  areas,
  actions,
  areaOf,
  areaName,
  actionSentence,
  allInArea,
}: {
  label: string;
  anyLabel: string;
  value: string | undefined;
  className?: string;
  areas: string[];
  actions: string[];
  /** lib/audit/audit-actions.ts's auditAreaOf (components do not import lib/audit). */
  areaOf: (action: string) => string;
  areaName: (area: string) => string;
  actionSentence: (action: string) => string;
  allInArea: (areaName: string) => string;
}) {
  return (
    <FilterSelect id="audit-action" name="action" label={label} value={value} anyLabel={anyLabel} className={className}>
      {areas.map((area) => (
        <optgroup key={area} label={areaName(area)}>
          <option value={area}>{allInArea(areaName(area))}</option>
          {actions
            .filter((action) => areaOf(action) === area)
            .map((action) => (
              <option key={action} value={action}>
                {actionSentence(action)}
              </option>
            ))}
        </optgroup>
      ))}
    </FilterSelect>
  );
}
