import { useTranslation } from 'react-i18next';

interface Pending {
  isPending: boolean;
}

/** The last row of a draft editor: check the draft on the server, publish it (each off while it runs). */
export function DraftActions(props: {
  validate: Pending;
  publish: Pending;
  onValidate: () => void;
  onPublish: () => void;
  publishLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <button type="button" onClick={props.onValidate} disabled={props.validate.isPending}>
        {t('policy.validate')}
      </button>
      <button type="button" className="primary" disabled={props.publish.isPending} onClick={props.onPublish}>
        {props.publishLabel}
      </button>
    </div>
  );
}
