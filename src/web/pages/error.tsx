import { Layout, type PageContext } from '../layout.tsx';

export function ErrorPage(props: { ctx: PageContext; status: number; message: string }) {
  return (
    <Layout ctx={props.ctx} title={String(props.status)}>
      <h1>{props.status}</h1>
      <p role="alert">{props.message}</p>
      <p>
        <a href="/">{props.ctx.t.navOverview}</a>
      </p>
    </Layout>
  );
}
