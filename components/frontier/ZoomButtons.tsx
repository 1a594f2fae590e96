import type { HistoryMode } from "@/lib/views/urlView";
import type { Zoom } from "@/lib/views/viewState";

interface ZoomButtonsProps {
  zoom: Zoom | null;
  zoomIn: () => void;
  zoomOut: () => void;
  onZoom: (zoom: Zoom | null, mode: HistoryMode) => void;
}

/** The zoom buttons of a frontier plot's toolbar (the explorer's and the comparison's). */
export function ZoomButtons({ zoom, zoomIn, zoomOut, onZoom }: ZoomButtonsProps) {
  return (
    <>
      <button type="button" className="button button--small" onClick={zoomIn} aria-label="Zoom in">
        +
      </button>
      <button type="button" className="button button--small" onClick={zoomOut} aria-label="Zoom out">
        −
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => onZoom(null, "push")}
        disabled={zoom === null}
        data-testid="zoom-reset"
      >
        Reset zoom
      </button>
    </>
  );
}
