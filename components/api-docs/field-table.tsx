import { InlineCode } from "./inline-code";

type Field = { name: string; type: string; required: boolean; description: string | null; constraints: string[]; location?: string };

type FieldTableProps = {
  fields: Field[];
  labels: { field: string; type: string; required: string; description: string; yes: string; no: string };
};

/** The fields of a request or response, one row each. */
export function FieldTable({ fields, labels }: FieldTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="border-b border-stone-200 text-stone-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              {labels.field}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {labels.type}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {labels.required}
            </th>
            <th scope="col" className="py-2 font-medium">
              {labels.description}
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={`${field.location ?? ""}${field.name}`} className="border-b border-stone-100 align-top">
              <td className="py-2 pr-4 font-mono text-[13px] text-brand-900">
                {field.name}
                {field.location ? (
                  <>
                    {" "}
                    <span className="font-sans text-xs text-stone-500">({field.location})</span>
                  </>
                ) : null}
              </td>
              <td className="py-2 pr-4 font-mono text-[13px] text-stone-700">{field.type}</td>
              <td className="py-2 pr-4">{field.required ? labels.yes : labels.no}</td>
              <td className="py-2 text-stone-700">
                {field.description ? <InlineCode text={field.description} /> : null}
                {field.constraints.length > 0 ? <span className="ml-1 text-xs text-stone-500">{field.constraints.join(", ")}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
