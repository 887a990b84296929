import type { MouseEvent, ReactNode } from 'react'
import { href, navigate } from '../router.js'

/** An in-console link: a real href (open in a new tab works) that navigates without a reload on a plain click. */
export function Link(props: {
  readonly to: string
  readonly children: ReactNode
  readonly current?: boolean
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(props.to)
  }
  return (
    <a href={href(props.to)} onClick={onClick} aria-current={props.current ? 'page' : undefined}>
      {props.children}
    </a>
  )
}
