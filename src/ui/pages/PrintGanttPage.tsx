// Placeholder until the Gantt feature lands.
export default function PrintGanttPage(_props: { params: URLSearchParams }) {
  return <p className="empty">打印视图正在建设中</p>;
}
