import type { Metadata } from "next";
import type { ReactNode } from "react";
import { currentUser } from "@/server/auth/current-user";
import { SignOutButton } from "./_components/sign-out-button";
import { TRPCReactProvider } from "./_trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: "outcry — the classroom options trading game",
  description: "Trade SPX/SPY options against your classmates and their bots, in one browser tab.",
};

export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <a className="brand" href={user ? "/games" : "/"}>
            out<span>cry</span>
          </a>
          {user ? (
            <div className="who">
              <span data-testid="whoami">
                {user.name} · {user.role === "instructor" ? "Instructor" : "Player"}
              </span>
              <SignOutButton />
            </div>
          ) : (
            <nav className="who">
              <a href="/sign-in">Sign in</a>
              <a href="/sign-up">Sign up</a>
            </nav>
          )}
        </header>
        <TRPCReactProvider>
          <main className="shell">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
