import type { ReactNode } from 'react';
import type { AdminTeam } from '../admin-types.ts';

/** Teams to tick (a manager's led teams, a token's teams); `onChange` gets the ticked ids. */
export function TeamCheckboxes(props: {
  legend: string;
  teams: AdminTeam[];
  checked: string[];
  onChange: (teamIds: string[]) => void;
  disabled?: boolean;
  /** Shown instead of boxes when there is no team yet. */
  empty?: ReactNode;
}) {
  const { checked } = props;
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.teams.length === 0 ? props.empty : null}
      {props.teams.map((team) => (
        <label key={team.id}>
          <input
            type="checkbox"
            checked={checked.includes(team.id)}
            disabled={props.disabled}
            onChange={(e) =>
              props.onChange(
                e.target.checked ? [...checked, team.id] : checked.filter((id) => id !== team.id),
              )
            }
          />
          {team.name}
        </label>
      ))}
    </fieldset>
  );
}
