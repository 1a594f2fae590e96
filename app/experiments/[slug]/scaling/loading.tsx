import styles from "@/components/scaling/Scaling.module.css";

/** Mirrors the scaling page while it loads: heading, chart and the builder panels. */
export default function ScalingLoading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <div className="page-heading">
        <h1>Inference-time scaling</h1>
        <p className="visually-hidden">Loading the scaling view…</p>
      </div>
      <div className={styles.grid}>
        <div className="skeleton skeleton--chart" />
        <div className="skeleton skeleton--panel" />
      </div>
    </div>
  );
}
