import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/current-user";

export default async function Home() {
  if (await currentUser()) redirect("/games");
  return (
    <section className="hero">
      <h1>Trade the open outcry.</h1>
      <p className="muted">
        A multiplayer options trading game for the classroom: SPX and SPY options, market makers, hedge funds
        and arbitrage desks, live in your browser against an authoritative exchange.
      </p>
      <div className="row">
        <a href="/sign-up">
          <button type="button">Create an account</button>
        </a>
        <a href="/sign-in">
          <button type="button" className="ghost">
            Sign in
          </button>
        </a>
      </div>
    </section>
  );
}
