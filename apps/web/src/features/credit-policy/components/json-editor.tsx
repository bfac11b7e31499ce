/** A JSON document as text to edit (policy, checklist), with the reason it does not parse under it. */
export function JsonEditor(props: {
  label: string;
  rows: number;
  value: string;
  onChange: (text: string) => void;
  readOnly?: boolean;
  error: string | null;
}) {
  return (
    <>
      <textarea
        aria-label={props.label}
        className="policy-json"
        rows={props.rows}
        value={props.value}
        readOnly={props.readOnly}
        onChange={(e) => props.onChange(e.target.value)}
        spellCheck={false}
      />
      {props.error ? (
        <p role="alert" className="error-box">
          {props.error}
        </p>
      ) : null}
    </>
  );
}
