import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Contraste: El Salvador", template: "%s · Contraste" },
  description: "Official claims and independent evidence on El Salvador's state of exception, side by side, every figure sourced.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="site-name">Contraste</Link>
          <span className="site-tagline">El Salvador under the state of exception: what the government says, what others found</span>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
