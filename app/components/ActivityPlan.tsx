import { useTranslation } from "react-i18next";
import type { Activity } from "~/content/document";
import { formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/languages";

/** The timed plan: each activity's minutes and when it starts, adding up to the lesson's length. */
export function ActivityPlan({ activities, totalMinutes, language }: { activities: Activity[]; totalMinutes: number; language: Language }) {
  const { t } = useTranslation("lessons");
  let elapsed = 0;
  return (
    <table className="plan-table">
      <caption>{t("plan.caption")}</caption>
      <thead>
        <tr>
          <th scope="col" className="number">{t("plan.start")}</th>
          <th scope="col">{t("plan.activity")}</th>
          <th scope="col" className="number">{t("plan.minutes")}</th>
        </tr>
      </thead>
      <tbody>
        {activities.map((activity, index) => {
          const start = elapsed;
          elapsed += activity.minutes;
          return (
            <tr key={index}>
              <td className="number">{formatNumber(start, language)}′</td>
              <td>{activity.title}</td>
              <td className="number">{formatNumber(activity.minutes, language)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <td />
          <td>{t("plan.total")}</td>
          <td className="number">{formatNumber(totalMinutes, language)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
