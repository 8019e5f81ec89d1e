// A traffic light as colour AND text (never colour alone: colour-blind readers and
// greyscale printers), with the reason on hover.
import { LIGHT_LABELS, type TrafficLight } from '../../domain/facts/traffic-light';
import './register.css';

export function LightTag({ light, reason }: { light: TrafficLight; reason: string }) {
  return (
    <span className={`reg-light reg-light-${light}`} title={reason} data-light={light}>
      <span className="reg-light-dot" aria-hidden="true" />
      {LIGHT_LABELS[light]}
    </span>
  );
}
