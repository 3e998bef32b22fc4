// The dataset writes who produced a figure and who carried it as "Originator (outlet)", for example
// "Cristosal (Radio YSKL)". The originator is the producer; the outlet is the source's publisher.
export function splitAttribution(label: string): { producerName: string; outlet: string } {
  const match = /^(.*?)\s*\((.+)\)\s*$/.exec(label);
  const [, producerName, outlet] = match ?? [];
  if (!producerName || !outlet) return { producerName: label.trim(), outlet: label.trim() };
  return { producerName: producerName.trim(), outlet: outlet.trim() };
}
