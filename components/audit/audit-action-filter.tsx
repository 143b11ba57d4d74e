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
  groups,
  areaName,
  actionSentence,
  allInArea,
}: {
  label: string;
  anyLabel: string;
  value: string | undefined;
  className?: string;
  /** lib/audit/audit-actions.ts's auditActionGroups. */
  groups: { area: string; actions: string[] }[];
  areaName: (area: string) => string;
  actionSentence: (action: string) => string;
  allInArea: (areaName: string) => string;
}) {
  return (
    <FilterSelect id="audit-action" name="action" label={label} value={value} anyLabel={anyLabel} className={className}>
      {groups.map(({ area, actions }) => (
        <optgroup key={area} label={areaName(area)}>
          <option value={area}>{allInArea(areaName(area))}</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {actionSentence(action)}
            </option>
          ))}
        </optgroup>
      ))}
    </FilterSelect>
  );
}
