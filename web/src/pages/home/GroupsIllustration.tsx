// Only the home page's empty state shows it: kept out of the shared icons, which every page loads.
/** A calm illustration for empty states: two people and a path between them. */
export const GroupsIllustration = () => (
  <svg class="illustration" viewBox="0 0 160 112" width="160" height="112" aria-hidden="true">
    <rect x="8" y="18" width="144" height="86" rx="18" class="illustration__bg" />
    <circle cx="56" cy="50" r="13" class="illustration__a" />
    <path d="M34 88c2.5-13 11-20 22-20s19.5 7 22 20" class="illustration__a" />
    <circle cx="106" cy="46" r="11" class="illustration__b" />
    <path d="M87 84c2-11 9.5-17 19-17s17 6 19 17" class="illustration__b" />
    <path d="M70 30c8-10 22-12 30-5" class="illustration__line" fill="none" stroke-width="2.5" stroke-linecap="round" stroke-dasharray="2 6" />
    <circle cx="128" cy="24" r="5" class="illustration__spark" />
  </svg>
);
