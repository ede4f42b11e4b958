/** An agenda item's heading inside the minutes: its number and title, as the agenda has them. */
export function ItemHeading({ number, title }: { number: string; title: string }) {
  return (
    <h3 className="ns-minutes-item-heading" role="heading" aria-level={3}>
      {number}. {title}
    </h3>
  );
}
