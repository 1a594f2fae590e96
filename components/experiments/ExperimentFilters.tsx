import type { ExperimentFacets } from "@/lib/contracts/experimentListQuery";
import { SETTING_LABELS } from "@/lib/contracts/types";
import { SETTINGS } from "@/lib/domain/setting";
import type { ExperimentListView } from "@/lib/views/experimentListView";

type FilterKey = "benchmark" | "setting" | "scale" | "family" | "study" | "synthetic";

interface ExperimentFiltersProps {
  view: ExperimentListView;
  facets: ExperimentFacets;
  /** Typing searches (quick keystrokes make one history entry); a chosen filter pushes one. */
  onSearch: (q: string) => void;
  onFilter: (key: FilterKey, value: string | undefined) => void;
}

interface FilterSelectProps {
  id: FilterKey;
  label: string;
  value: string | undefined;
  /** Value and label of each choice, from the data. */
  options: readonly (readonly [string, string])[];
  onFilter: ExperimentFiltersProps["onFilter"];
}

function FilterSelect({ id, label, value, options, onFilter }: FilterSelectProps) {
  // A value a link asks for that no experiment has (any more) stays choosable, so the select shows it.
  const choices =
    value === undefined || options.some(([option]) => option === value)
      ? options
      : [...options, [value, value] as const];
  return (
    <label className="list-filter">
      <span className="control-label">{label}</span>
      <select
        value={value ?? ""}
        onChange={(event) => onFilter(id, event.target.value === "" ? undefined : event.target.value)}
        data-testid={`filter-${id}`}
      >
        <option value="">All</option>
        {choices.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const pairs = (values: readonly string[]) => values.map((value) => [value, value] as const);

/** Each filter's label and choices, in the order they are shown. */
function filterChoices(facets: ExperimentFacets): [FilterKey, string, (readonly [string, string])[]][] {
  return [
    ["benchmark", "Benchmark", pairs(facets.benchmarks)],
    ["setting", "Setting", SETTINGS.map((setting) => [setting, SETTING_LABELS[setting]] as const)],
    ["scale", "Scale", pairs(facets.scales)],
    ["family", "Family", pairs(facets.families)],
    ["study", "Study", facets.studies.map((study) => [study.slug, study.name] as const)],
    [
      "synthetic",
      "Data",
      [
        ["false", "Real only"],
        ["true", "Synthetic only"],
      ],
    ],
  ];
}

/** The search box and the filters of the list, their choices read from the data (distinct values). */
export function ExperimentFilters({ view, facets, onSearch, onFilter }: ExperimentFiltersProps) {
  return (
    <search className="list-filters" aria-label="Search and filter experiments">
      <label className="list-filter list-filter--search">
        <span className="control-label">Search</span>
        <input
          type="search"
          value={view.q ?? ""}
          maxLength={200}
          placeholder="name, slug, model, benchmark"
          onChange={(event) => onSearch(event.target.value)}
          data-testid="list-search"
        />
      </label>
      {filterChoices(facets).map(([key, label, options]) => (
        <FilterSelect
          key={key}
          id={key}
          label={label}
          value={view[key]}
          options={options}
          onFilter={onFilter}
        />
      ))}
    </search>
  );
}
