import type { Metadata } from "next";
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
          <a href="/" className="site-name">Contraste</a>
          <span className="site-tagline">El Salvador under the state of exception: what the government says, what others found</span>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
