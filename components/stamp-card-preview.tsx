type StampCardPreviewProps = {
  label: string;
  name: string;
  progressText: string;
  rewardText: string;
  stamps: number;
  target: number;
  backgroundColor?: string;
  foregroundColor?: string;
  labelColor?: string;
};

/** A stamp card as the wallets show it: name, a row of filled and empty stamps, the reward. */
export function StampCardPreview({
  label,
  name,
  progressText,
  rewardText,
  stamps,
  target,
  backgroundColor = "#3b2314",
  foregroundColor = "#ffffff",
  labelColor = "#f5d9b8",
}: StampCardPreviewProps) {
  return (
    <figure aria-label={label} className="w-full max-w-sm rounded-2xl p-6 shadow-xl" style={{ backgroundColor, color: foregroundColor }}>
      <p className="text-lg font-semibold">{name}</p>
      <div className="mt-6 grid grid-cols-5 gap-3" aria-hidden="true">
        {Array.from({ length: target }, (_, index) => (
          <span
            key={index}
            className="aspect-square rounded-full border-2"
            style={{ borderColor: labelColor, backgroundColor: index < stamps ? labelColor : "transparent" }}
          />
        ))}
      </div>
      <figcaption className="mt-6 space-y-1">
        <p className="text-2xl font-bold">{progressText}</p>
        <p className="text-sm" style={{ color: labelColor }}>
          {rewardText}
        </p>
      </figcaption>
    </figure>
  );
}
