import Link from "next/link";
import { AccountMenu, AccountNavLinks } from "../signIn/AccountMenu";
import { NavLink } from "./NavLink";
import { ThemeSwitch } from "./ThemeSwitch";

/**
 * The bar on top of every page: product name, the places a researcher goes, the theme switch and, on
 * a server with sign-in, one's tokens and (admins) the admin page, and who is signed in.
 */
export function AppHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="app-brand" aria-label="alphascope home">
        <span className="app-brand-mark" aria-hidden="true">
          α
        </span>
        alphascope
      </Link>
      <nav aria-label="Main">
        <ul className="app-nav">
          <li>
            <NavLink href="/">Experiments</NavLink>
          </li>
          <li>
            <NavLink href="/import">Import</NavLink>
          </li>
          <li>
            <NavLink href="/glossary">Glossary</NavLink>
          </li>
          <li>
            <NavLink href="/api">API</NavLink>
          </li>
          <AccountNavLinks />
        </ul>
      </nav>
      <ThemeSwitch />
      <AccountMenu />
    </header>
  );
}
